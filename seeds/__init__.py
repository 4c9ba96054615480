"""The five bundled source documents, installed as the package data of ``nzdprk.seeds``."""
