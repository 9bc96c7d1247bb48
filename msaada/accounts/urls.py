"""Sign-in, sign-out, passwords, and the user's own settings."""

from django.urls import include, path

from msaada.accounts import views

urlpatterns = [
    path("", views.account, name="account"),
    path("", include("django.contrib.auth.urls")),
]
