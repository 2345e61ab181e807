"""The Analysts group from the data migration, and `create_analyst`."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command

from apps.review.groups import ANALYSTS

PASSWORD = "not-a-common-password-1"


def test_migration_made_a_group_that_may_only_view_atlas_models(db):
    permissions = set(Group.objects.get(name=ANALYSTS).permissions.values_list("content_type__app_label", "codename"))
    for model in ("city", "industrytag", "document", "official", "meeting", "industrycluster", "target"):
        assert ("atlas", f"view_{model}") in permissions
    assert all(app == "atlas" and codename.startswith("view_") for app, codename in permissions)


def test_create_analyst_makes_a_staff_user_who_can_only_look(client, db):
    out = StringIO()
    call_command("create_analyst", "li.na", "--password", PASSWORD, "--email", "li@example.com", stdout=out)
    user = User.objects.get(username="li.na")
    assert "Created analyst li.na" in out.getvalue()
    assert user.is_staff and not user.is_superuser and user.email == "li@example.com"
    assert list(user.groups.values_list("name", flat=True)) == [ANALYSTS]
    assert user.has_perm("atlas.view_target") and not user.has_perm("atlas.change_target")
    assert client.login(username="li.na", password=PASSWORD)
    assert client.get("/admin/atlas/target/").status_code == 200


def test_create_analyst_adds_an_existing_user_and_keeps_the_password_unless_given(db):
    user = User.objects.create_user("wang", password=PASSWORD)
    call_command("create_analyst", "wang", stdout=StringIO())
    user.refresh_from_db()
    assert user.is_staff and user.groups.filter(name=ANALYSTS).exists() and user.check_password(PASSWORD)


def test_create_analyst_refuses_a_weak_password_and_creates_nothing(db):
    with pytest.raises(CommandError, match="too short|太短"):
        call_command("create_analyst", "zhao", "--password", "x1")
    assert not User.objects.filter(username="zhao").exists()


def test_create_analyst_prompts_for_the_password(db, monkeypatch):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    call_command("create_analyst", "zhou", stdout=StringIO())
    assert User.objects.get(username="zhou").check_password(PASSWORD)

    answers = iter([PASSWORD, "something else 2"])
    with pytest.raises(CommandError, match="do not match"):
        call_command("create_analyst", "sun", stdout=StringIO())
