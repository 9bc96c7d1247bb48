"""`msaada serve`: prepare the database and the static files, then run the app under gunicorn with its worker.

The worker (django-tasks' `db_worker`) runs the browser's imports in the background; both stop together.
"""

import signal
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from msaada.accounts.models import Profile, Role
from msaada.accounts.services import password_generate


class Command(BaseCommand):
    help = "Migrate, collect static files and serve the web app with gunicorn."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port to listen on")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--timeout", type=int, default=600, help="seconds a request may run: a large browser import takes minutes"
        )
        parser.add_argument(
            "--demo", action="store_true", help="give the `admin` user a freshly generated password and print it"
        )

    def handle(self, *args, bind: str, workers: int, timeout: int, demo: bool, **options) -> None:
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        if demo:
            password = self._demo_admin()
            self.stdout.write(f"Log in at http://{bind}/ as admin with the password {password}")
        self.stdout.write(f"Serving Msaada on http://{bind}/ (Ctrl-C to stop)")
        self.stdout.flush()
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        args = [
            gunicorn,
            "msaada.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--timeout",
            str(timeout),
        ]
        args += ["--access-logfile", "-"]
        worker = [sys.executable, "-m", "django", "db_worker"]
        run_together([args, worker])

    def _demo_admin(self) -> str:
        """Create or reset the demo's admin with a new random password: there is no default one."""
        admin, _ = get_user_model().objects.get_or_create(username="admin")
        password = password_generate(user=admin)
        admin.is_staff = admin.is_superuser = True
        admin.set_password(password)
        admin.save()
        Profile.objects.update_or_create(user=admin, defaults={"role": Role.ADMIN})
        return password


def run_together(commands: list[list[str]]) -> None:
    """Run the commands side by side until one ends or this process is told to stop; then stop the others."""
    children = [subprocess.Popen(command) for command in commands]  # noqa: S603 - our own programs, no shell

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        while all(child.poll() is None for child in children):
            try:
                children[0].wait(timeout=1)
            except subprocess.TimeoutExpired:
                continue
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            child.wait()
