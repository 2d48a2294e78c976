"""`python -m mockint` behaves exactly like the `mockint` command."""

import sys

from mockint.cli import main

if __name__ == "__main__":
    sys.exit(main())
