"""Test support: submitting an admin change form the way a browser would."""

from datetime import date


def form_data(form, **changes):
    """POST data for a Django form as shown: every field's current value, then `changes` on top."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue  # an unchecked box or an empty field sends nothing
        if value is True:
            value = "on"
        elif isinstance(value, (list, tuple)):
            value = [str(getattr(item, "pk", item)) for item in value]
        elif isinstance(value, date):
            value = value.isoformat()
        else:
            value = str(value)
        data[name] = value
    data.update(changes)
    return data


def change_form_data(client, url, **changes):
    """GET an admin change (or history revert) page and return what its Save button would post."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return form_data(response.context["adminform"].form, **changes)
