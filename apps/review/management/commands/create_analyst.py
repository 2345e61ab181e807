"""python manage.py create_analyst USERNAME [--password P] [--email E]: a read-only staff user."""

import getpass

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.review.groups import ANALYSTS, ensure_analysts_group


class Command(BaseCommand):
    help = f"Create a staff user in the read-only {ANALYSTS} group (or add an existing user to it)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--password", help="prompted for when not given")
        parser.add_argument("--email", default="")

    def handle(self, username, password=None, email="", **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=email)
            password = password or self.prompt_password()
        if password:
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            user.set_password(password)
        with transaction.atomic():
            created = user.pk is None
            user.is_staff = True  # the admin only lets staff in; the group's permissions keep them read-only
            user.save()
            user.groups.add(ensure_analysts_group())
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} analyst {username}: staff, in group {ANALYSTS}"))

    def prompt_password(self):
        try:
            password = getpass.getpass("Password: ")
            again = getpass.getpass("Password (again): ")
        except (EOFError, KeyboardInterrupt):
            raise CommandError("no password given; use --password when not on a terminal") from None
        if not password or password != again:
            raise CommandError("the passwords are empty or do not match")
        return password
