"""`python -m newsprism.cli`, as before the split into a package."""

from newsprism.cli import main

main()
