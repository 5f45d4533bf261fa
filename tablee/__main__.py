"""The `tablee` console script: Django's manage.py with Tablée's commands.

`tablee demo`, `tablee serve`, `tablee generate --scale N` and
`tablee token create EMAIL` are management commands of the apps.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tablee.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
