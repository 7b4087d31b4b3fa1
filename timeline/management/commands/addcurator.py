"""Create a curator, or make an existing user one: staff, in the "curators" group.

manage.py addcurator alice --email alice@example.org          (asks for a password)
CURATOR_PASSWORD=... manage.py addcurator alice --no-input    (for scripts)
"""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Create or promote a user to curator (staff, in the curators group)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password",
            help="The password (visible in the process list: prefer $CURATOR_PASSWORD).",
        )
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Never prompt; a new user without a password given cannot log in until one is set.",
        )

    def handle(self, *args, username, email, password, interactive, **options):
        try:
            group = Group.objects.get(name="curators")
        except Group.DoesNotExist as exc:
            raise CommandError("No curators group: run manage.py migrate first.") from exc
        User = get_user_model()
        try:
            User.username_validator(username)
        except ValidationError as exc:
            raise CommandError(
                f"{username!r} is not a user name: {' '.join(exc.messages)}"
            ) from exc
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            user = User(username=username)
        password = password or os.environ.get("CURATOR_PASSWORD") or None
        if password is None and created and interactive:
            if not sys.stdin.isatty():
                raise CommandError(
                    "No password given: pass --password, set CURATOR_PASSWORD, or use --no-input."
                )
            password = self.ask_password(user)
        if password is not None:
            try:
                validate_password(password, user)
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from exc
        with transaction.atomic():
            if email:
                user.email = email
            user.is_staff = True
            user.is_active = True
            if password is not None:
                user.set_password(password)
            elif created:
                user.set_unusable_password()
            user.save()
            user.groups.add(group)
        verb = "Created" if created else "Promoted"
        self.stdout.write(f"{verb} curator {username}.")

    def ask_password(self, user) -> str:
        for _ in range(3):
            try:
                password = getpass.getpass("Password: ")
                again = getpass.getpass("Password (again): ")
            except (EOFError, KeyboardInterrupt) as exc:
                raise CommandError("No password set.") from exc
            if password != again:
                self.stderr.write("The passwords differ.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as exc:
                self.stderr.write(" ".join(exc.messages))
                continue
            return password
        raise CommandError("No password set.")
