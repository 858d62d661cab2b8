"""Validated models of the ``knowledge/*.yaml`` files, one module per file.

The registry that ties them together (``FILES``, :class:`Knowledge`,
:func:`cross_file_problems`) is :mod:`bot.domain.knowledge.registry`; importing one model
(``bot.domain.knowledge.costs``) does not import the others, so a command that needs two
files (``python -m bot estimate``) loads only those.
"""
