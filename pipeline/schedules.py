"""The nightly scrape: discover newly published documents at 02:00 UK time."""

from dagster import DefaultScheduleStatus, ScheduleDefinition

from pipeline.jobs import discover_job

nightly_discovery = ScheduleDefinition(
    name="nightly_discovery",
    job=discover_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/London",
    default_status=DefaultScheduleStatus.RUNNING,
    description="Find new PDFs at the source; the sensor then extracts each new document.",
)
