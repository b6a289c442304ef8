from ctgdocs.cli import main

main()
