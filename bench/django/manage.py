#!/usr/bin/env python3
"""The comparison endpoint's Django project (bench/run-django): not part of the product."""
import os
import sys

if __name__ == '__main__':
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'kcbench.settings')
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
