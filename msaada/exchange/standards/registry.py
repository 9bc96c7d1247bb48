"""The exchange standards Msaada reads and writes, by the name given to `--format`."""

from msaada.exchange.standards import Standard

STANDARDS: dict[str, Standard] = {}
