"""Import in the browser: upload, preview, confirm; templates of each file."""

urlpatterns: list = []
