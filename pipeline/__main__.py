"""`python -m pipeline` runs the factwire command."""

from pipeline.cli import main

main()
