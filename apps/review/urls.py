"""Mounted at admin/review/, before admin/ itself; admin_view sends anyone but active staff to the login page."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("upload/", admin.site.admin_view(views.upload), name="upload"),
    path("uploads/<uuid:pk>/", admin.site.admin_view(views.upload_job), name="upload_job"),
    path("documents/<int:pk>/", admin.site.admin_view(views.document_review), name="document"),
]
