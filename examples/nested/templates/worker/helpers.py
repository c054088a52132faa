"""A second module of the worker's package."""
import six


def greeting(name):
    return six.ensure_str("Hello, %s!" % name)
