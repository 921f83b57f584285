"""cleanpipe's built-in steps, one module each.

Each module is a plugin declared in ``[project.entry-points.cleanpipe]``,
exactly as a third-party plugin would be, and uses only the public
``cleanpipe`` API.
"""
