"""`python -m pipeline` runs the factwire command."""

from pipeline.cli import main

if __name__ == "__main__":
    main()
