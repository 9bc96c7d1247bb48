"""Great-circle distances and the bounding boxes that let the database find the few points worth measuring."""

from decimal import Decimal
from math import asin, cos, degrees, radians, sin, sqrt

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG), as DESIGN.md asks
NEARBY_KM = 2


def distance_km(lat1: Decimal, lon1: Decimal, lat2: Decimal, lon2: Decimal) -> float:
    """Return the great-circle distance between two points in km (haversine, on the mean radius)."""
    phi1, phi2 = radians(lat1), radians(lat2)
    half_dphi, half_dlambda = radians(lat2 - lat1) / 2, radians(lon2 - lon1) / 2
    h = sin(half_dphi) ** 2 + cos(phi1) * cos(phi2) * sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


def nearby(lat1: Decimal, lon1: Decimal, lat2: Decimal, lon2: Decimal) -> bool:
    """Whether two points are within 2 km of each other (2 km exactly is within)."""
    return distance_km(lat1, lon1, lat2, lon2) <= NEARBY_KM


def latitude_margin() -> float:
    """Return the degrees of latitude that 2 km spans, widened a little so the box never cuts a point inside."""
    return degrees(NEARBY_KM / EARTH_RADIUS_KM) * 1.01


def longitude_margin(farthest_latitude: float) -> float | None:
    """Return the degrees of longitude that 2 km may span at latitudes up to the given one (absolute), widened.

    None when the box would reach a pole: there every longitude may be within 2 km.
    """
    poleward = abs(farthest_latitude) + latitude_margin()
    if poleward >= 89:
        return None
    return degrees(asin(min(1.0, sin(NEARBY_KM / EARTH_RADIUS_KM) / cos(radians(poleward))))) * 1.01
