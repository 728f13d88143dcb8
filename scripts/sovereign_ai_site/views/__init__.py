"""Derived tables: pure functions from the validated tables to what the pages arrange (totals, orders,
the largest announced figure). No strings of the interface here, and no markup."""
