"""The curators' admin: review queue, bulk confirm/reject, merges, re-extraction.

Every decision a curator makes is logged (the object's History page) and protected from
the machine: edited events become `curated`, and re-extraction never touches curated,
confirmed or rejected events.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from timeline.models import (
    Actor,
    ActorAlias,
    Article,
    Event,
    EventActor,
    Mention,
    Office,
    Place,
    ReviewQueue,
    Submission,
    WorkerHeartbeat,
)


class ActorAliasForm(forms.ModelForm):
    """Refuses a name whose matching key another alias already has, with a clear message."""

    class Meta:
        model = ActorAlias
        fields = ["actor", "name"]

    def clean_name(self):
        from timeline.extraction.actors import actor_key

        name = self.cleaned_data["name"].strip()
        key = actor_key(name)
        if not key:
            raise ValidationError("This name has nothing to match on.")
        clash = (
            ActorAlias.objects.filter(key=key)
            .exclude(pk=self.instance.pk)
            .select_related("actor")
            .first()
        )
        if clash is not None:
            raise ValidationError(
                f"“{name}” matches the alias “{clash.name}” of {clash.actor}. "
                "Merge the actors instead, or remove that alias first."
            )
        self.key = key
        return name


class ActorAliasFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen = {}
        for form in self.forms:
            if not form.has_changed() or self._should_delete_form(form):
                continue
            key = getattr(form, "key", None)
            if key is None:
                continue
            if key in seen:
                form.add_error("name", f"“{seen[key]}” above is the same name for matching.")
            seen[key] = form.cleaned_data.get("name")


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    template = "admin/timeline/edit_inline/tabular.html"
    form = ActorAliasForm
    formset = ActorAliasFormSet
    extra = 1
    fields = ["name"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "slug"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    inlines = [ActorAliasInline]
    actions = ["merge_actors"]

    @admin.action(description="Merge selected actors into one", permissions=["change"])
    def merge_actors(self, request, queryset):
        """Asks which actor to keep, then moves everything of the others onto it."""
        from timeline.curation import merge_actors

        actors = list(queryset.order_by("name"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        if request.POST.get("post") == "yes":
            survivor = next((a for a in actors if str(a.pk) == request.POST.get("survivor")), None)
            if survivor is not None:
                others = [a for a in actors if a.pk != survivor.pk]
                for other in others:
                    self.log_change(request, other, f"Merged into “{survivor}” (#{survivor.pk}).")
                self.log_deletions(request, queryset.exclude(pk=survivor.pk))
                message = merge_actors(survivor, others)
                self.log_change(request, survivor, message)
                self.message_user(request, f"{survivor}: {message}", messages.SUCCESS)
                return None
            self.message_user(request, "Choose the actor to keep.", messages.ERROR)
        counts = {a.pk: a.event_links.count() for a in actors}
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge actors",
            "opts": self.model._meta,
            "actors": [(a, counts[a.pk]) for a in actors],
            "suggested": max(actors, key=lambda a: (counts[a.pk], -a.pk)).pk,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/timeline/actor/merge.html", context)


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("holder", "role", "body", "topic", "start", "end")
    list_filter = ("role", "body")
    search_fields = ("holder", "body", "role", "topic")
    date_hierarchy = "start"


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    form = ActorAliasForm
    list_display = ["name", "actor", "key"]
    search_fields = ["name", "actor__name"]
    autocomplete_fields = ["actor"]
    list_select_related = ["actor"]


class LocatedFilter(admin.SimpleListFilter):
    title = "on the map"
    parameter_name = "located"

    def lookups(self, request, model_admin):
        return [("yes", "has coordinates"), ("no", "no coordinates")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(latitude=None)
        if self.value() == "no":
            return queryset.filter(latitude=None)
        return queryset


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    """Curators set or fix where a place is: the timeline's map draws it there."""

    list_display = ["name", "country", "latitude", "longitude"]
    list_filter = [LocatedFilter]
    search_fields = ["name"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}


class LabelledInlineFormSet(forms.BaseInlineFormSet):
    """A tabular inline's inputs sit under column headings that are not their labels; give
    each one its own accessible name ("Role, row 2") so screen readers can tell them apart."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = f"row {index + 1}" if index is not None else "new row"
        for name, field in form.fields.items():
            label = "Delete" if name == "DELETE" else (field.label or name).capitalize()
            field.widget.attrs.setdefault("aria-label", f"{label}, {row}")


class EventActorInline(admin.TabularInline):
    model = EventActor
    formset = LabelledInlineFormSet
    template = "admin/timeline/edit_inline/tabular.html"
    extra = 0
    autocomplete_fields = ["actor"]


class MentionInline(admin.StackedInline):
    model = Mention
    extra = 0
    fields = ["article", "sentence", "date_text", "date_value", "date_anchor", "confidence"]
    readonly_fields = [
        "article",
        "sentence",
        "date_text",
        "date_value",
        "date_anchor",
        "confidence",
    ]
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


# A curator changing one of these decides what the event is: re-extraction must keep it.
CURATED_FIELDS = {"date", "precision", "type", "place", "summary"}


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "when",
        "precision",
        "type",
        "summary",
        "status",
        "confidence",
        "importance",
        "curated",
    ]
    list_filter = ["status", "type", "precision", "curated", "planned"]
    search_fields = ["summary", "mentions__sentence", "actors__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["place"]
    inlines = [EventActorInline, MentionInline]
    list_select_related = ["place"]
    actions = ["confirm_events", "reject_events", "merge_events"]

    @admin.display(description="date", ordering="date")
    def when(self, event):
        """At the event's precision: "May 2013", never an invented "1 May 2013"."""
        return event.date_display()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            # A headline may run to a couple of lines: let the curator see all of it.
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if change and CURATED_FIELDS & set(form.changed_data):
            obj.curated = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        actors_changed = any(fs.model is EventActor and fs.has_changed() for fs in formsets)
        if change and actors_changed and not form.instance.curated:
            form.instance.curated = True
            Event.objects.filter(pk=form.instance.pk).update(curated=True)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        became_curated = form.instance.curated and not form.initial.get("curated")
        if not add and became_curated and "curated" not in form.changed_data:
            message.append({"changed": {"fields": ["curated (set by this edit)"]}})
        return message

    def _set_status(self, request, queryset, status: str, verb: str):
        # Log against Event (not the review queue proxy) so one History page has it all.
        events = list(Event.objects.filter(pk__in=queryset.values("pk")).exclude(status=status))
        for event in events:
            event.status = status
            event.save(update_fields=["status", "updated_at"])
            self.log_change(request, event, f"{verb} (bulk action).")
        self.message_user(
            request,
            f"{verb} {len(events)} event{'s' if len(events) != 1 else ''}.",
            messages.SUCCESS,
        )

    @admin.action(description="Confirm selected events", permissions=["change"])
    def confirm_events(self, request, queryset):
        self._set_status(request, queryset, Event.Status.CONFIRMED, "Confirmed")

    @admin.action(description="Reject selected events", permissions=["change"])
    def reject_events(self, request, queryset):
        self._set_status(request, queryset, Event.Status.REJECTED, "Rejected")

    @admin.action(description="Merge selected events into one", permissions=["change"])
    def merge_events(self, request, queryset):
        """Keeps the most confirmed (then oldest) event with every mention and actor."""
        from timeline.curation import event_survivor, merge_events

        events = list(Event.objects.filter(pk__in=queryset.values("pk")))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return
        survivor = event_survivor(events)
        for other in events:
            if other.pk != survivor.pk:
                self.log_change(request, other, f"Merged into #{survivor.pk} “{survivor}”.")
        self.log_deletions(
            request, Event.objects.filter(pk__in=[e.pk for e in events if e is not survivor])
        )
        survivor, message = merge_events(events)
        self.log_change(request, survivor, message)
        url = reverse("admin:timeline_event_change", args=[survivor.pk])
        self.message_user(
            request,
            f"Merged {len(events)} events into #{survivor.pk}: {survivor}. ",
            messages.SUCCESS,
        )
        return redirect(url)


@admin.register(ReviewQueue)
class ReviewQueueAdmin(EventAdmin):
    """Proposed events, least confident first; each opens the ordinary event page."""

    list_display = ["confidence", "when", "type", "summary", "curated"]
    list_display_links = ["summary"]
    list_filter = ["type", "precision", "curated", "planned"]
    ordering = ["confidence", "date", "id"]
    actions = ["confirm_events", "reject_events", "merge_events"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=Event.Status.PROPOSED)

    def has_add_permission(self, request):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect("admin:timeline_event_change", object_id)


class ArticleMentionInline(admin.TabularInline):
    model = Mention
    template = "admin/timeline/edit_inline/tabular.html"
    extra = 0
    fields = ["event", "sentence", "date_text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published", "published_how", "language", "status"]
    list_filter = ["status", "outlet", "language", "published_how"]
    search_fields = ["title", "outlet", "url", "raw_text"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "added_at", "extracted_at", "annotations"]
    inlines = [ArticleMentionInline]
    actions = ["reextract_articles"]

    @admin.action(description="Re-extract selected articles", permissions=["change"])
    def reextract_articles(self, request, queryset):
        """Queues a task that runs the current pipeline again (spaCy never runs inside the
        request); curated, confirmed and rejected events stay as they are."""
        from django.db import transaction

        from timeline.tasks import reextract_articles

        ids = list(queryset.order_by("id").values_list("pk", flat=True))
        transaction.on_commit(lambda: reextract_articles.enqueue(ids, request.user.pk))
        self.message_user(
            request,
            f"Re-extraction of {len(ids)} article{'s' if len(ids) != 1 else ''} queued; a "
            "worker (manage.py db_worker) runs it, and each article's History says what "
            "changed. New findings arrive in the review queue.",
            messages.SUCCESS,
        )


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["sentence", "article", "event", "date_text", "date_value"]
    search_fields = ["sentence", "article__title"]
    list_select_related = ["article", "event"]
    raw_id_fields = ["event", "article"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Read-only: what was given through the Add article page and what became of it; failed
    or stuck ones can be queued again."""

    list_display = [
        "name", "status", "attempts", "published", "created_by", "created_at", "article",
    ]  # fmt: skip
    list_filter = ["status"]
    search_fields = ["name", "title", "url"]
    list_select_related = ["created_by", "article"]
    exclude = ["data"]
    actions = ["requeue_submissions"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_requeue_permission(self, request):
        return request.user.has_perm("timeline.add_article")

    @admin.action(description="Extract selected submissions again", permissions=["requeue"])
    def requeue_submissions(self, request, queryset):
        """Failed ones, and ones whose worker died, go back to the queue as new tasks."""
        from timeline.tasks import requeue_submission

        for submission in queryset.order_by("id"):
            refused = requeue_submission(submission)
            if refused:
                self.message_user(
                    request, f"{submission}: not requeued, {refused}.", messages.WARNING
                )
                continue
            self.log_change(request, submission, "Requeued for extraction.")
            self.message_user(request, f"{submission}: queued again.", messages.SUCCESS)


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    """The `db_worker` processes as last heard from; a row is removed when its worker stops."""

    list_display = ["worker_id", "host", "pid", "started_at", "seen_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
