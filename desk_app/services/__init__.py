"""Services: one per area, each opening a short session per operation and returning
plain frozen objects. No Qt here."""
