"""``python -m cleanpipe``: the same as the ``cleanpipe`` command."""

import sys

from cleanpipe.cli import main

sys.exit(main())
