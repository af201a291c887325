"""PDF reports: a dataset per report read through the core (datasets/), laid out with reportlab
(render/), written atomically by `ReportService` (`crm.reports`)."""
