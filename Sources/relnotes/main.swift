import RelnotesCLI

RelnotesCommand.main()
