"""Data only: one YAML file of dated, sourced figures per tax year, plus citations.yaml.

This file exists so that packaging always ships the YAML beside the code; the files are
read by :mod:`assistant.money.rates_data`, never imported.
"""
