"""`python -m msaada ...` runs the same commands as the `msaada` console script."""

from msaada.cli import main

main()
