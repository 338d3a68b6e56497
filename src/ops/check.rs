//! Integrity and consistency check (`liaoyuan check`): placeholder, filled below.
