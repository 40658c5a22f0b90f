"""Services: one per area, each opening a short session per operation and returning
views: dataclasses that cannot be reassigned field by field, though some hold mutable
parts (a handover's draft and record) that are the caller's copy. No Qt here."""
