from drugfaq.cli import main

main()
