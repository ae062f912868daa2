"""Cross-document entity and event coreference (see newsprism.coref.resolve)."""
