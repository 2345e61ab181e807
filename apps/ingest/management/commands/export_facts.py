import json

from django.core.management.base import BaseCommand

from apps.atlas.export import export_facts


class Command(BaseCommand):
    help = "Print every public fact as JSON, grouped by city (the evaluation contract)."

    def add_arguments(self, parser):
        parser.add_argument("--indent", type=int, default=None)

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(export_facts(), ensure_ascii=False, indent=options["indent"]))
