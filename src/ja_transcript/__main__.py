"""`python -m ja_transcript`: the command line, as `ja-transcript`."""

from .cli import main

main()
