"""Sign-in, sign-out, passwords, and the user's own settings."""

from django.urls import include, path

from msaada.accounts import views

urlpatterns = [
    path("", views.account, name="account"),
    path("password_reset/", views.RateLimitedPasswordResetView.as_view(), name="password_reset"),
    path("", include("django.contrib.auth.urls")),
]
