"""The admin site; its own module because the site is built while admin modules import."""

from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import reverse


class TimelineAdminSite(admin.AdminSite):
    """Signed-in people who aren't staff get 403, not a login form they can do nothing with."""

    site_header = "Syria diplomacy timeline: curation"
    site_title = "Timeline curation"
    site_url = "/"

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def refuse_non_staff(request, *args, **kwargs):
            user = request.user
            logout = reverse("admin:logout", current_app=self.name)
            if user.is_authenticated and not user.is_staff and request.path != logout:
                raise PermissionDenied("Curation is for staff.")
            return inner(request, *args, **kwargs)

        return refuse_non_staff
