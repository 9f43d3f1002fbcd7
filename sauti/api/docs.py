"""Interactive API docs served from our own static files (ninja ships Swagger UI)."""

from __future__ import annotations

from ninja.openapi.docs import Swagger


class SelfHostedSwagger(Swagger):
    def __init__(self) -> None:
        # No call to the public swagger.io validator: no third-party request from any page.
        super().__init__(settings={"validatorUrl": None, "tryItOutEnabled": True})
