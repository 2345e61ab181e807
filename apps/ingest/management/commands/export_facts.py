from django.core.management.base import BaseCommand

from apps.atlas.export import write_export


class Command(BaseCommand):
    help = "Print every public fact as JSON, grouped by city (the evaluation contract), streamed in constant memory."

    def add_arguments(self, parser):
        parser.add_argument("--indent", type=int, default=None)

    def handle(self, *args, **options):
        write_export(lambda text: self.stdout.write(text, ending=""), indent=options["indent"])
        self.stdout.write("")  # the final newline, as before
