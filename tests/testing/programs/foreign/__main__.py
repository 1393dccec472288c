"""A program declaring a resource of a real provider package, which the offline engine cannot drive."""

import pulumi

pulumi.CustomResource("aws:s3/bucket:Bucket", "bucket", {"bucket": "example"})
