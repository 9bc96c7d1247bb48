"""Sign-in, sign-out, passwords, and the user's own settings."""

from django.urls import include, path

from msaada.accounts import views

urlpatterns = [
    path("", views.account, name="account"),
    path("tokens/", views.token_create, name="api_token_create"),
    path("tokens/<slug:key>/revoke/", views.token_revoke, name="api_token_revoke"),
    path("password_reset/", views.RateLimitedPasswordResetView.as_view(), name="password_reset"),
    path("", include("django.contrib.auth.urls")),
]
