// Owned by the page that loads it; see src/features/*/pages.
