"""The API's URLs: /api/v1/ for the records and the missions' figures, /api/schema/ and /api/docs/ for its OpenAPI."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from msaada.api.views import VIEWSETS, MissionViewSet, not_found

router = SimpleRouter(trailing_slash=False, use_regex_path=False)
router.register("missions", MissionViewSet, basename="api-mission")
for slug, viewset in VIEWSETS.items():
    router.register(slug, viewset, basename=f"api-{slug}")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    # Any other address under /api/ answers as the API does, in problem details, not with the site's page.
    re_path(r"^.*$", not_found, name="api-not-found"),
]
