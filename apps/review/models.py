"""An article uploaded in the admin, on its way through the pipeline in the background."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse


class UploadJob(models.Model):
    """One upload: the bytes as given, kept until the article is in, so a failure never loses them.

    The upload page stores a job and answers at once; a background step (apps/review/jobs.py)
    runs the pipeline and records its progress here, which the job page polls.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中 Queued"
        RUNNING = "running", "处理中 Processing"
        DONE = "done", "完成 Done"
        FAILED = "failed", "失败 Failed"

    class Step(models.TextChoices):
        WAITING = "waiting", "等待 Waiting"
        READING = "reading", "读取与清洗 Reading and cleaning"
        EXTRACTING = "extracting", "分词与抽取 Segmenting and extracting"
        LOADING = "loading", "入库 Storing"
        FINISHED = "finished", "结束 Finished"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    source = models.CharField(max_length=255)
    pasted = models.BooleanField(default=False, help_text="Pasted text (kept to refill the form) rather than a file")
    data = models.BinaryField()
    meta = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    step = models.CharField(max_length=12, choices=Step.choices, default=Step.WAITING)
    error = models.TextField(blank=True)
    error_field = models.CharField(max_length=20, blank=True, help_text="The form field the error belongs to")
    document = models.ForeignKey("atlas.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_document = models.BooleanField(default=False)
    counts = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "上传任务 Upload job"
        verbose_name_plural = "上传任务 Upload jobs"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.source} ({self.status})"

    def get_absolute_url(self):
        return reverse("review:upload_job", args=[self.pk])

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
