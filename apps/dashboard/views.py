"""Placeholder views; the dashboard issue replaces these."""
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from apps.atlas.models import City, Document, IndustryTag


def overview(request):
    return HttpResponse("城市产业战略图谱")


def city(request, slug):
    return HttpResponse(str(get_object_or_404(City, slug=slug)))


def compare(request):
    return HttpResponse("compare")


def tag(request, slug):
    return HttpResponse(str(get_object_or_404(IndustryTag, slug=slug)))


def document(request, pk):
    return HttpResponse(str(get_object_or_404(Document, pk=pk)))


def search(request):
    return HttpResponse("search")
