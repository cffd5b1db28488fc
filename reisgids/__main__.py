from reisgids.cli import main

main()
