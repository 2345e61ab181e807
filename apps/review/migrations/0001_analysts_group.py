"""Data migration: the read-only Analysts group."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from apps.review.groups import ANALYSTS, ensure_analysts_group


def create_analysts_group(apps, schema_editor):
    # Django creates permissions after all migrations ran (post_migrate); on a fresh
    # database they do not exist yet here, so create the atlas app's now.
    atlas = apps.get_app_config("atlas")
    atlas.models_module = True  # create_permissions skips apps without models_module; state apps have none
    create_permissions(atlas, apps=apps, verbosity=0)
    atlas.models_module = None
    ensure_analysts_group(apps)


def delete_analysts_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=ANALYSTS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("atlas", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_analysts_group, delete_analysts_group)]
