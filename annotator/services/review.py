"""Review decisions: a reviewer accepts or rejects a span; accepted spans form the gold layer."""

from ..errors import Conflict, Invalid
from ..models import ReviewStatus, Span, User, utcnow
from . import history

DECISIONS = {"accept": ReviewStatus.ACCEPTED, "reject": ReviewStatus.REJECTED, "reset": ReviewStatus.PENDING}


def review_span(session, span: Span, reviewer: User, decision, version=None) -> Span:
    """Record `decision`; with `version`, a decision made on a stale view of the span is refused (409)."""
    if decision not in DECISIONS:
        raise Invalid(f"decision must be one of {', '.join(DECISIONS)}", field="decision")
    if version is not None and version != span.version:
        raise Conflict("someone changed or reviewed this span meanwhile; reload it", field="version")
    before = history.span_snapshot(span)
    span.status = DECISIONS[decision]
    span.reviewed_by_id = reviewer.id
    span.reviewed_at = utcnow()
    session.flush()
    history.record(session, span.document.project_id, reviewer, "review", span.id, decision, before,
                   history.span_snapshot(span), span.document_id)
    return span
