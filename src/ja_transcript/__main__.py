"""`python -m ja_transcript`: the command line, as the `ja-transcript` script."""

from .cli import main

main()
