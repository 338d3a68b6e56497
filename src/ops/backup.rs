//! Online backup (`liaoyuan backup DEST`).
