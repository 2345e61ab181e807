"""The read-only Analysts group: staff who may look at everything in the admin and change nothing."""

from django.apps import apps as global_apps

ANALYSTS = "Analysts"


def ensure_analysts_group(apps=global_apps):
    """Create the group if needed and give it exactly the atlas app's view permissions.

    `apps` is the migration's historical registry inside the data migration, the live one elsewhere.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=ANALYSTS)
    # Includes the historical models' view permissions, so history pages stay visible too.
    group.permissions.set(Permission.objects.filter(content_type__app_label="atlas", codename__startswith="view_"))
    return group
