"""The home page: the missions on record, until the web application lands."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from msaada.missions.models import Mission


def home(request: HttpRequest) -> HttpResponse:
    missions = Mission.objects.current().order_by("code") if request.user.is_authenticated else Mission.objects.none()
    return render(request, "home.html", {"missions": missions})
