"""dates"""
