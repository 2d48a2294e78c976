"""One module per `mockint` subcommand, each exposing `register(subparsers)`."""
